/** Assessment integrity (issue 12): review policy, translated quiz text and item statistics. */
export default {
  'quiz.integrity.untranslated': 'This question is not translated yet, so it is shown in English.',
  'quiz.integrity.landingReviewLastAttempt':
    'Feedback on each question is shown once you pass or have used all your attempts.',
  'quiz.integrity.landingReveal':
    'Until you pass or have made {count, plural, one {# attempt} other {# attempts}}, the feedback shows which answers were wrong and explains the idea behind each question, but not the right answers.',
  'quiz.integrity.resultReviewLastAttempt':
    'Feedback on each question is shown once you pass or have used all your attempts. Your score is above.',
  'quiz.integrity.teachLead':
    'This review shows which answers were wrong and explains the idea behind each question. The right answers are shown once you pass or after {count, plural, one {# attempt} other {# attempts}}.',
  'quiz.integrity.statsLead':
    'Difficulty (p) is the average mark on the question as a share of full marks: 0.9 means learners earned 90% of its marks. Discrimination is the point-biserial correlation between the mark on the question and the score on the rest of the attempt: above 0.2 the question separates stronger from weaker learners well; near 0 it does not; below 0 weaker learners do better on it. After {draws} draws, a question is flagged when p is above {high} or below {low}, or its discrimination is negative: check its wording, its distractors and its key.',
  'quiz.integrity.colModule': 'Module',
  'quiz.integrity.colDifficulty': 'Difficulty (p)',
  'quiz.integrity.flagNegative': 'Negative discrimination: check the key',
};
