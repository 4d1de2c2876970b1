/** English messages (`--lang en`): one message and a short fix hint per issue code, filled from the issue's data. */
import type { MessageTable } from "./types.js";

export const en: MessageTable = {
  issues: {
    form_mismatch: {
      message: "these answers were read with form {docForm} but are checked against {form}",
      hint: "validate with --form {docForm}, or extract again with the right edition",
    },
    mark_uncertain: {
      message: "page {page}: the choice's box at {box} has a little ink in it — not sure whether it is marked",
      hint: "open the file at page {page}, look at this box and confirm or correct the answer to question {question}",
    },
    handwriting_not_read: {
      message: "page {page}: handwriting in the blank at {box} is not read as text — a person must read it",
      hint: "open the file at page {page}, read what is written and enter the answer to question {question}, or ask the agency for the Word file (.docx)",
    },
    unknown_field: {
      message: "question {question}: an answer “{label}” ({field}) is not part of the form",
      hint: "check that the right edition of the form was used and that nothing was added to it",
    },
    entry_limit_exceeded: {
      message: "question {question}: “{label}” takes at most {max} entries, found {count}",
      hint: "keep the {max} most important entries and remove the rest",
    },
    required_missing: {
      message: "question {question} is not answered[ ({text})]",
      hint: "answer question {question}: mark an option or fill in the blanks",
    },
    not_asked_answered: {
      message: "question {question} is answered by {answeredBy}; {respondent} is not asked it",
      hint: "nothing to fix: the secretariat may use it, or remove the answer",
    },
    skipped_question_answered: {
      message: "question {question} should be empty: “{byLabel}” was chosen, which skips to {target}",
      hint: "clear question {question}, or change the answer that skips ({by}) if it was marked by mistake",
    },
    skipped_item_answered: {
      message: "question {question}: “{label}” should be empty: “{byLabel}” was chosen, which skips to ({target})",
      hint: "clear this answer, or change “{byLabel}” if it was marked by mistake",
    },
    condition_unmet_answered: {
      message: "question {question} is only answered when “{conditionLabel}” is chosen in {conditionQuestion}, which was answered otherwise",
      hint: "clear question {question}, or correct the answer to {conditionQuestion}",
    },
    choice_missing: {
      message: "question {question}: no option chosen[ in “{label}”] (one answer)",
      hint: "mark the one option that matches what was done",
    },
    choice_multiple: {
      message: "question {question}: {count} options marked[ in “{label}”], only one answer is allowed ({labels})",
      hint: "keep a single mark",
    },
    sub_choice_missing: {
      message: "question {question}: “{label}” is chosen but none of its items",
      hint: "mark the items that apply (several may be chosen)",
    },
    matrix_row_missing: {
      message: "question {question}: row “{row}”[ (“{group}”)] has no mark",
      hint: "mark one box in this row (every row must be answered)",
    },
    nested_without_parent: {
      message: "question {question}: “{label}” is marked but its parent “{parentLabel}” is not",
      hint: "mark “{parentLabel}” as well, or remove the mark at “{label}”",
    },
    blank_without_parent: {
      message: "question {question}: “{label}” is filled under “{parentLabel}”, which is not chosen",
      hint: "mark “{parentLabel}”, or remove the text (it will not count)",
    },
    specify_missing: {
      message: "question {question}: “{label}” is not filled in",
      hint: "fill in the details the chosen option asks for",
    },
    entries_missing: {
      message: "question {question}: no “{label}” given",
      hint: "give at least one entry (at most {max})",
    },
    entry_incomplete: {
      message: "question {question}: “{label}” entry {index} is missing {missing}",
      hint: "fill in every part of this entry, or remove it",
    },
    not_a_number: {
      message: "question {question}: “{label}” must be a number, found “{value}”",
      hint: "type digits only, e.g. 5 (0 when there are none)",
    },
    not_whole_number: {
      message: "question {question}: “{label}” must be a whole number, found “{value}”",
      hint: "type a whole number, e.g. 5",
    },
    negative_number: {
      message: "question {question}: “{label}” cannot be negative, found “{value}”",
      hint: "type 0 or more",
    },
    percent_out_of_range: {
      message: "question {question}: “{label}” must be between 0 and 100, found “{value}”",
      hint: "type a percentage 0–100; for an average score choose the “score … out of …” option instead",
    },
    score_above_max: {
      message: "question {question}: score {score} is above the full score {max}",
      hint: "check the score and the full score against the satisfaction survey report",
    },
    number_not_positive: {
      message: "question {question}: “{label}” must be more than 0, found {value}",
      hint: "type the real number from the report; if unknown, choose “ไม่ทราบ” (unknown) instead",
    },
    count_exceeds_total: {
      message: "question {question}: {value} is more than the total in {totalQuestion} ({total})",
      hint: "the number in {question} is part of {totalQuestion} and cannot exceed {total}: check both",
    },
    count_mismatch_entries: {
      message: "question {question}: the count is {count} but {named} “{label}” are named (expected {expected})",
      hint: "name as many as counted (at most {max}), or correct the count",
    },
    url_invalid: {
      message: "question {question}: “{label}” — “{value}” is not a valid URL",
      hint: "copy the URL from the browser's address bar, e.g. https://www.example.go.th/…",
    },
    data_go_th_org_missing: {
      message: "question {question}: “{label}” — the data.go.th URL has no organisation after /organization/ (“{value}”)",
      hint: "e.g. https://data.go.th/organization/<name> (copy it from the organisation's page on data.go.th)",
    },
    email_invalid: {
      message: "“{label}” — “{value}” is not a valid e-mail address",
      hint: "e.g. name@example.go.th",
    },
    phone_invalid: {
      message: "“{label}” — “{value}” is not a valid Thai phone number",
      hint: "e.g. 0-5311-2345 or 081-234-5678 (an extension as “ต่อ 123”)",
    },
    mobile_invalid: {
      message: "“{label}” — “{value}” is not a Thai mobile number",
      hint: "e.g. 081-234-5678 (10 digits starting with 06, 08 or 09)",
    },
    general_missing: {
      message: "general information: “{label}” is not filled in",
      hint: "fill in the coordinator's details so that DGA can reach the province",
    },
    date_invalid: {
      message: "question {question}: “{label}” — “{value}” cannot be read as a date",
      hint: "write a date such as 30 ก.ย. 2567 or กันยายน 2567",
    },
    date_out_of_period: {
      message: "question {question}: the dates given ({dates}) are outside {period}",
      hint: "only {period} counts: give a date in that period, or answer “ไม่มี” (none)",
    },
    evidence_missing: {
      message: "question {question}: no evidence attached for {labels}",
      hint: "attach the evidence for {question} with its key text marked — answers without evidence cannot be submitted",
    },
    evidence_not_marked: {
      message: "question {question}: the key text in evidence “{file}” is not marked",
      hint: "highlight or underline the text that supports the answer, then attach it again",
    },
    evidence_not_checked: {
      message: "evidence files were not checked: {count} answered questions need evidence ({questions})",
      hint: "validate again with the evidence list (--evidence evidence.json)",
    },
    evidence_unknown_question: {
      message: "evidence “{file}” is linked to question {question}, which the form does not have",
      hint: "correct the question code of this evidence, e.g. P1.1",
    },
  },
  severity: { error: "error", warning: "warning", info: "info" },
  roles: {
    provincial_office: "the provincial office",
    agency: "an agency",
    statistics_office: "the provincial statistics office",
    all_agencies: "all agencies",
    all_agencies_statistics: "all agencies / the statistics office",
  },
  ui: {
    title: "Validation of the questionnaire",
    form: "form",
    respondent: "respondent",
    respondentInferred: "from the agency name — set it with --respondent",
    respondentDefault: "default — set it with --respondent",
    summary: "{error} errors · {warning} warnings · {info} notes",
    noIssues: "no issues found",
    general: "General information",
    document: "Whole document",
    question: "Question",
    pillar: "Part",
    hint: "fix",
    completeness: "Completeness (answered / required)",
    answered: "answered",
    required: "required",
    percent: "%",
    total: "total",
    missing: "not answered",
    listSeparator: ", ",
  },
};
