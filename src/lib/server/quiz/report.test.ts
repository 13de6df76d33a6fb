import { describe, expect, it } from 'vitest';
import { fixtureQuiz } from './quiz-fixture.ts';
import { flagQuestion, quizReportCsvLines, type QuizReport } from './report.ts';
import { quizStatistics } from './statistics.ts';

describe('flagQuestion', () => {
  it('flags very hard, very easy and undiscriminating questions once they have been drawn enough', () => {
    expect(flagQuestion({ timesDrawn: 20, facility: 25, discrimination: 0.4 })).toEqual(['too-hard']);
    expect(flagQuestion({ timesDrawn: 20, facility: 97, discrimination: 0.3 })).toEqual(['too-easy']);
    expect(flagQuestion({ timesDrawn: 20, facility: 60, discrimination: 0.05 })).toEqual([
      'low-discrimination',
    ]);
    expect(flagQuestion({ timesDrawn: 20, facility: 60, discrimination: -0.2 })).toEqual([
      'low-discrimination',
    ]);
    expect(flagQuestion({ timesDrawn: 20, facility: 60, discrimination: 0.3 })).toEqual([]);
    expect(flagQuestion({ timesDrawn: 4, facility: 0, discrimination: -1 })).toEqual([]);
    expect(flagQuestion({ timesDrawn: 20, facility: null, discrimination: null })).toEqual([]);
  });
});

describe('quizReportCsvLines', () => {
  it('writes a header and one line per question, quoting commas and defusing spreadsheet formulas', () => {
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
          prompt: '=HYPERLINK("x"), then "call"',
          excerpt: '',
          timesDrawn: 3,
          facility: 66.67,
          discrimination: null,
          options: [
            { id: 'a', text: 'A', correct: true, count: 2 },
            { id: 'b', text: 'B', correct: false, count: 1 },
          ],
          flags: [],
        },
      ],
    };
    const lines = [...quizReportCsvLines(report)];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'question_id,scenario_id,type,competency,times_drawn,facility_percent,discrimination,flags,option_choices,prompt\r\n',
    );
    expect(lines[1]).toBe(
      'q-single,,single,early-intervention,3,66.67,,,a*=2 b=1,"\'=HYPERLINK(""x""), then ""call"""\r\n',
    );
  });
});
