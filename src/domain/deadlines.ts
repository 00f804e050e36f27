// Closing dates as the pipeline shares them: plain types, no behaviour (part of the domain;
// src/domain.ts re-exports them). Kept beside domain.ts so that file stays one read (and under
// the 300-line cap): the two fields they add to domain.ts's Entities and Digest are declared at
// the end of this file, merged into those interfaces (TypeScript module augmentation).

/** What closes: consultations, calls for evidence, tenders, anything else with a closing date. */
export type DeadlineKind = 'consultation' | 'call_for_evidence' | 'tender' | 'other';

/** A closing date found in a story's text (tagging/find-deadlines.ts); never a guess. */
export interface DeadlineMention {
  kind: DeadlineKind;
  /** The local calendar day it closes, "2022-01-12", in `timeZone`. */
  closesOn: string;
  /** ISO UTC instant: the time given ("5pm"), else the end (23:59) of `closesOn` in `timeZone`. */
  closesAt: string;
  /** IANA zone the date was read in (settings.timeZone when tagged). */
  timeZone: string;
  /** The words it came from, as written, e.g. "closes on 12 January 2022". */
  phrase: string;
}

/** One line of a digest's "Closing soon" section, of `deadlines` and of a reminder. */
export interface DigestDeadline {
  title: string;
  url: string | null;
  /** ISO UTC instant (DeadlineMention.closesAt). */
  closesAt: string;
  kind: DeadlineKind;
  /** Local day it closes, "2022-01-12". */
  closesOn: string;
  /** The story's short reference (text/story-ref.ts), for `explain`. */
  ref: string;
  /** The story's themes, so a channel sees the deadlines of the themes it follows. */
  themes: string[];
  /** The words the date came from, as written. */
  phrase: string;
}

/** A reminder posted some days before a deadline to a channel following its themes. */
export interface DeadlineReminder {
  deadline: DigestDeadline;
  timeZone: string;
  /** Whole local days from the reminder's day to the closing day (0: closes today). */
  daysLeft: number;
}

// Fields of domain.ts's interfaces, declared here (interface merging by module augmentation).
declare module '../domain.js' {
  interface Entities {
    /** Closing dates (tagging/find-deadlines.ts); absent where nothing looked for them. */
    deadlines?: DeadlineMention[];
  }
  interface Digest {
    /**
     * Deadlines closing within four weeks of the digest, soonest first (the "Closing soon"
     * section). Absent in digests archived before deadlines were extracted.
     */
    deadlines?: DigestDeadline[];
  }
}
