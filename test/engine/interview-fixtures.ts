import type { FollowUp, InterviewPoint, InterviewQuestion } from "../../src/content/schema/interview";

/** Small interview questions for the engine tests, shaped as the schema leaves them (kind filled in). */

export const point = (id: string, cues: string[], taught = "buckets#1"): InterviewPoint => ({ id, says: `says ${id}`, cues, taught });

export const followUp = (ask: string, pointIds: string[], extra: Partial<FollowUp> = {}): FollowUp => ({
  ask,
  points: pointIds.map((id) => point(id, [id.replace(/-/g, " ")])),
  model: `model of ${ask}`,
  ...extra,
});

export const question = (id: string, extra: Partial<InterviewQuestion> = {}): InterviewQuestion => ({
  id,
  kind: "question",
  ask: `ask of ${id}`,
  points: [point("one-region", ["one region", "single region"]), point("replicate", ["replicat*", "crr"]), point("name-global", ["globally unique"])],
  model: `model of ${id}`,
  followUps: [followUp(`${id} default follow-up`, ["versioning-needed", "async"])],
  sources: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"],
  ...extra,
});

/** A question whose chain goes as deep as the schema allows (and one deeper, which must never be asked). */
export const deepQuestion = (id: string): InterviewQuestion =>
  question(id, {
    followUps: [
      followUp("second", ["a", "b"], {
        followUps: [followUp("third", ["c", "d"], { followUps: [followUp("fourth", ["e", "f"], { followUps: [followUp("fifth", ["g", "h"])] })] })],
      }),
    ],
  });
