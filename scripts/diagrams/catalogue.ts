/** Every course diagram, by file name, and where its files go. */
import { earlyInterventionSvg } from './early-intervention.ts';
import { hierarchySvg } from './hierarchy.ts';
import { processSvg } from './process.ts';
import { rolesSvg } from './roles.ts';

export const DIAGRAM_FOLDER = 'public/images/lessons';

export const DIAGRAMS: Record<string, (language: 'en' | 'ms') => string> = {
  'rtw-hierarchy': hierarchySvg,
  'rtw-process': processSvg,
  'rtw-roles': rolesSvg,
  'early-intervention-timeline': earlyInterventionSvg,
};

/** `rtw-process.svg` in English, `rtw-process-ms.svg` in Bahasa Malaysia. */
export function diagramFile(name: string, language: 'en' | 'ms'): string {
  return `${name}${language === 'ms' ? '-ms' : ''}.svg`;
}
