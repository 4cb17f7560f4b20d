/** The case page's summary header and the report's own words (issue 13). */
export const caseHeaderEn = {
  "case_header.next": "Next deadline",
  "case_header.no_deadline": "Nothing is due",
  "case_header.worker": "Assigned to",
  "case_header.no_worker": "No one yet",
  "case_header.sections": "Sections of this case",
  "case.tip.title": "What the report said",
  "case.tip.venue": "Where it happened",
  "case.tip.words": "In the sender's words",
  "case.tip.contact": "How to reach the sender",
} as const;
