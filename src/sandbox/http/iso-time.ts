/**
 * `date.toISOString()`, about three times faster: a listing page writes a thousand of them and
 * toISOString was the largest single cost of writing one. Instants outside 1970–9999 go to
 * toISOString itself.
 */
export const isoTime = (date: Date): string => {
  const time = date.getTime();
  if (!(time >= 0 && time < MAX_TIME)) return date.toISOString();
  const seconds = Math.floor(time / 1000);
  const days = Math.floor(seconds / 86400);
  const ofDay = seconds - days * 86400;
  // Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted), in 400-year eras from 0000-03-01.
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const ofEra = shifted - era * 146097;
  const yearOfEra = Math.floor((ofEra - Math.floor(ofEra / 1460) + Math.floor(ofEra / 36524) - Math.floor(ofEra / 146096)) / 365);
  const dayOfYear = ofEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(ofDay / 3600);
  const minutes = Math.floor((ofDay - hours * 3600) / 60);
  const millis = time - seconds * 1000;
  const milliseconds = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${year}-${two(month)}-${two(day)}T${two(hours)}:${two(minutes)}:${two(ofDay % 60)}.${milliseconds}Z`;
};

/** 10000-01-01T00:00:00.000Z: from there toISOString writes six-digit years. */
const MAX_TIME = 253402300800000;

const two = (value: number): string => (value < 10 ? `0${value}` : `${value}`);
