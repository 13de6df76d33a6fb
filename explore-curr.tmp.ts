import { readContentTree } from './src/lib/server/content-files.ts';
import { scanComponents } from './src/lib/mdx-scan.ts';
const tree = readContentTree();
console.log('problems', tree.problems.length);
let words = 0;
for (const course of tree.courses) {
  console.log(course.id, course.data.modules.length);
  for (const m of course.data.modules) {
    const lessons = tree.lessons.filter((l) => l.id.startsWith(m + '/'));
    const w = lessons.reduce((s, l) => s + (l.body.replace(/<[^>]*>/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length, 0);
    if (course.id === 'rtw-coordinator') words += w;
    const quiz = tree.quizzes.find((q) => q.id === m)?.data;
    const comps = lessons.flatMap((l) => scanComponents(l.body).map((c) => c.name));
    const noExpl = quiz?.questions.flatMap((q) => q.type === 'scenario' ? q.questions : [q]).filter((q) => !q.explanation?.trim()).length;
    const longPrompts = quiz?.questions.filter((q) => q.type === 'scenario' || (q.prompt.trim().split(/\s+/).length >= 20)).length;
    console.log(' ', m, 'lessons', lessons.length, 'obj', tree.modules.find(x=>x.id===m)?.data.objectives.length, 'refs', tree.modules.find(x=>x.id===m)?.data.references.length, 'cs', comps.filter(c=>c==='CaseStudy').length, 'kc', comps.filter(c=>c==='KnowledgeCheck').length, 'q', quiz?.questions.length, quiz?.settings.drawCount, quiz?.settings.passMark, 'noexpl', noExpl, 'scen/long', longPrompts, 'words', w);
  }
}
console.log('words', words);
for (const a of tree.assessments) console.log(a.id, a.data.questions.length, a.data.settings.drawCount, a.data.settings.passMark);
