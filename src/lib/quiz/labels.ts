/** The quiz player's strings from the message catalogue. Isomorphic: the island gets plain strings. */
import type { Translate } from '#src/i18n/index.ts';
import type { QuizPlayerLabels } from './types.ts';

/** The player's strings, translated on the server (the island gets no catalogue). */
export function playerLabels(t: Translate): QuizPlayerLabels {
  return {
    questionNumber: t('quiz.player.questionNumber'),
    questionOf: t('quiz.player.questionOf'),
    answeredOf: t('quiz.player.answeredOf'),
    previous: t('quiz.player.previous'),
    next: t('quiz.player.next'),
    save: t('quiz.player.save'),
    reviewAndSubmit: t('quiz.player.reviewAndSubmit'),
    backToQuestions: t('quiz.player.backToQuestions'),
    submit: t('quiz.player.submit'),
    submitting: t('quiz.player.submitting'),
    reviewTitle: t('quiz.player.reviewTitle'),
    reviewLead: t('quiz.player.reviewLead'),
    unansweredWarning: t('quiz.player.unansweredWarning'),
    answered: t('quiz.player.answered'),
    notAnswered: t('quiz.player.notAnswered'),
    goToQuestion: t('quiz.player.goToQuestion'),
    chooseOne: t('quiz.player.chooseOne'),
    chooseAll: t('quiz.player.chooseAll'),
    trueLabel: t('quiz.true'),
    falseLabel: t('quiz.false'),
    position: t('quiz.player.position'),
    positionOf: t('quiz.player.positionOf'),
    moveUp: t('quiz.player.moveUp'),
    moveDown: t('quiz.player.moveDown'),
    moved: t('quiz.player.moved'),
    orderConfirm: t('quiz.player.orderConfirm'),
    orderConfirmHint: t('quiz.player.orderConfirmHint'),
    matchChoose: t('quiz.player.matchChoose'),
    scenarioLabel: t('quiz.player.scenarioLabel'),
    saving: t('quiz.player.saving'),
    saved: t('quiz.player.saved'),
    saveFailed: t('quiz.player.saveFailed'),
    notSavedYet: t('quiz.player.notSavedYet'),
    timeLeft: t('quiz.player.timeLeft'),
    timeWarning5: t('quiz.player.timeWarning5'),
    timeWarning1: t('quiz.player.timeWarning1'),
    timeUp: t('quiz.player.timeUp'),
    noTimeLimit: t('quiz.player.noTimeLimit'),
    pageOf: t('quiz.player.pageOf'),
    untranslated: t('quiz.integrity.untranslated'),
  };
}
