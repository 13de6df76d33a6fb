/**
 * Tagged PDF for documents drawn with pdf-lib: a structure tree (Document, headings, paragraphs,
 * lists, tables, form fields) whose order is the reading order, marked content on the pages that
 * links drawn text to it, artifacts for decoration and page furniture, and widget annotations
 * linked through OBJR, so that screen readers read the document in order and announce each form
 * field (ISO 32000-1 section 14.7 and 14.8; the PDF/UA rules for forms).
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFString,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';

/** The standard structure types these documents use. */
export type StructureType =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Form';

type Kid =
  | { readonly kind: 'element'; readonly element: StructureElement }
  | { readonly kind: 'content'; readonly page: PDFPage; readonly mcid: number }
  | { readonly kind: 'widget'; readonly page: PDFPage; readonly widget: PDFRef };

/** One node of the structure tree; build it with `Structure.add`. */
export interface StructureElement {
  readonly type: StructureType;
  /** BCP 47 tag, when this element's language differs from the document's. */
  readonly language?: string;
  /** For TH: whether it heads a column or a row. */
  readonly scope?: 'Column' | 'Row';
  readonly kids: Kid[];
}

export interface Structure {
  /** The Document element, root of the reading order. */
  readonly root: StructureElement;
  /** Adds an element at the end of `parent`'s children (reading order is the order of adding). */
  add(
    parent: StructureElement,
    type: StructureType,
    options?: { language?: string; scope?: 'Column' | 'Row' },
  ): StructureElement;
  /** Draws with `draw` inside a marked-content sequence that belongs to `element`. */
  mark(page: PDFPage, element: StructureElement, draw: () => void, language?: string): void;
  /** Draws decoration or page furniture that assistive technology should skip. */
  artifact(page: PDFPage, draw: () => void, kind?: 'Layout' | 'Pagination'): void;
  /** Links a widget annotation (a form field on `page`) into `element`, normally a Form. */
  attachWidget(element: StructureElement, page: PDFPage, widget: PDFRef): void;
  /** Writes the tree, the parent tree, MarkInfo and the tab order. Call once, after drawing. */
  finish(): void;
}

const literal = (text: string): string => `(${text.replace(/[\\()]/gu, (char) => `\\${char}`)})`;

/** Starts an empty structure tree for `doc`. */
export function createStructure(doc: PDFDocument): Structure {
  const context = doc.context;
  const root: StructureElement = { type: 'Document', kids: [] };
  const nextMcid = new Map<PDFPage, number>();
  const contentOwners = new Map<PDFPage, StructureElement[]>();
  const widgetOwners: Array<{ element: StructureElement; widget: PDFRef }> = [];
  let finished = false;

  return {
    root,
    add(parent, type, options = {}) {
      const element: StructureElement = { type, ...options, kids: [] };
      parent.kids.push({ kind: 'element', element });
      return element;
    },
    mark(page, element, draw, language) {
      const mcid = nextMcid.get(page) ?? 0;
      nextMcid.set(page, mcid + 1);
      const owners = contentOwners.get(page) ?? [];
      owners[mcid] = element;
      contentOwners.set(page, owners);
      element.kids.push({ kind: 'content', page, mcid });
      const properties = `<</MCID ${mcid}${language ? ` /Lang ${literal(language)}` : ''}>>`;
      page.pushOperators(
        PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(element.type), properties]),
      );
      draw();
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    },
    artifact(page, draw, kind = 'Layout') {
      page.pushOperators(
        PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
          PDFName.of('Artifact'),
          `<</Type /${kind}>>`,
        ]),
      );
      draw();
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    },
    attachWidget(element, page, widget) {
      element.kids.push({ kind: 'widget', page, widget });
      widgetOwners.push({ element, widget });
    },
    finish() {
      if (finished) throw new Error('The structure tree was already written');
      finished = true;
      const rootRef = context.nextRef();
      const refs = new Map<StructureElement, PDFRef>();
      const refOf = (element: StructureElement): PDFRef => {
        let ref = refs.get(element);
        if (!ref) {
          ref = context.nextRef();
          refs.set(element, ref);
        }
        return ref;
      };
      const pageRef = (page: PDFPage): PDFRef => page.ref;

      const write = (element: StructureElement, parent: PDFRef): void => {
        const kids = PDFArray.withContext(context);
        let firstPage: PDFPage | undefined;
        for (const kid of element.kids) {
          if (kid.kind === 'element') {
            kids.push(refOf(kid.element));
            write(kid.element, refOf(element));
          } else if (kid.kind === 'content') {
            firstPage ??= kid.page;
            kids.push(context.obj({ Type: 'MCR', Pg: pageRef(kid.page), MCID: PDFNumber.of(kid.mcid) }));
          } else {
            firstPage ??= kid.page;
            kids.push(context.obj({ Type: 'OBJR', Pg: pageRef(kid.page), Obj: kid.widget }));
          }
        }
        const dict = context.obj({ Type: 'StructElem', S: element.type, P: parent, K: kids });
        if (firstPage) dict.set(PDFName.of('Pg'), pageRef(firstPage));
        if (element.language) dict.set(PDFName.of('Lang'), PDFString.of(element.language));
        if (element.scope) dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: element.scope }));
        context.assign(refOf(element), dict);
      };
      write(root, rootRef);

      // The parent tree maps each page's MCIDs and each widget back to its element.
      const nums = PDFArray.withContext(context);
      let key = 0;
      for (const page of doc.getPages()) {
        const owners = contentOwners.get(page);
        page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
        if (!owners) continue;
        page.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
        const list = PDFArray.withContext(context);
        owners.forEach((owner) => list.push(refOf(owner)));
        nums.push(PDFNumber.of(key));
        nums.push(context.register(list));
        key++;
      }
      for (const { element, widget } of widgetOwners) {
        const widgetDict = context.lookup(widget, PDFDict);
        widgetDict.set(PDFName.of('StructParent'), PDFNumber.of(key));
        nums.push(PDFNumber.of(key));
        nums.push(refOf(element));
        key++;
      }
      const parentTree = context.register(context.obj({ Nums: nums }));
      context.assign(
        rootRef,
        context.obj({
          Type: 'StructTreeRoot',
          K: context.obj([refOf(root)]),
          ParentTree: parentTree,
          ParentTreeNextKey: PDFNumber.of(key),
        }),
      );
      doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
      doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    },
  };
}
