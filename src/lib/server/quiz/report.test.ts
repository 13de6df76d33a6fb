import { describe, expect, it } from 'vitest';
import { fixtureQuiz } from './quiz-fixture.ts';
import { flagQuestion, quizReportCsvLines, type QuizReport } from './report.ts';
import { quizStatistics } from './statistics.ts';

describe('flagQuestion', () => {
  it('flags p above 0.95, p below 0.2 and negative discrimination once drawn enough', () => {
    expect(flagQuestion({ timesDrawn: 20, difficulty: 0.19, discrimination: 0.4 })).toEqual(['too-hard']);
    expect(flagQuestion({ timesDrawn: 20, difficulty: 0.2, discrimination: 0.4 })).toEqual([]);
    expect(flagQuestion({ timesDrawn: 20, difficulty: 0.96, discrimination: 0.3 })).toEqual(['too-easy']);
    expect(flagQuestion({ timesDrawn: 20, difficulty: 0.95, discrimination: 0.3 })).toEqual([]);
    expect(flagQuestion({ timesDrawn: 20, difficulty: 0.6, discrimination: -0.05 })).toEqual([
      'negative-discrimination',
    ]);
    expect(flagQuestion({ timesDrawn: 20, difficulty: 0.1, discrimination: -0.2 })).toEqual([
      'too-hard',
      'negative-discrimination',
    ]);
    expect(flagQuestion({ timesDrawn: 20, difficulty: 0.6, discrimination: 0 })).toEqual([]);
    expect(flagQuestion({ timesDrawn: 9, difficulty: 0, discrimination: -1 })).toEqual([]);
    expect(flagQuestion({ timesDrawn: 20, difficulty: null, discrimination: null })).toEqual([]);
  });
});

describe('quizReportCsvLines', () => {
  it('writes a header and one line per question, quoting commas and defusing spreadsheet formulas in text (numbers stay numbers)', () => {
    const statistics = quizStatistics(fixtureQuiz, []);
    const report: QuizReport = {
      statistics,
      learners: 0,
      meanPercent: null,
      distribution: statistics.distribution,
      questions: [
        {
          questionId: 'q-single',
          parentId: null,
          type: 'single',
          competency: 'early-intervention',
          module: null,
          prompt: '=HYPERLINK("x"), then "call"',
          excerpt: '',
          timesDrawn: 3,
          difficulty: 0.667,
          discrimination: -0.25,
          options: [
            { id: 'a', text: 'A', correct: true, count: 2 },
            { id: 'b', text: 'B', correct: false, count: 1 },
          ],
          flags: ['negative-discrimination'],
        },
      ],
    };
    const lines = [...quizReportCsvLines(report)];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'question_id,scenario_id,type,competency,module,times_drawn,difficulty_p,discrimination,option_choices,flags,prompt\r\n',
    );
    expect(lines[1]).toBe(
      'q-single,,single,early-intervention,,3,0.667,-0.25,a*=2 b=1,negative-discrimination,"\'=HYPERLINK(""x""), then ""call"""\r\n',
    );
  });
});
