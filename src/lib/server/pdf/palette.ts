import { rgb } from '@cantoo/pdf-lib';

/** The brand palette of printed documents: deep blue and teal with a warm gold accent. */
export const pdfColours = {
  navy: rgb(11 / 255, 60 / 255, 93 / 255),
  teal: rgb(22 / 255, 110 / 255, 126 / 255),
  tealTint: rgb(226 / 255, 240 / 255, 242 / 255),
  gold: rgb(201 / 255, 138 / 255, 44 / 255),
  goldTint: rgb(250 / 255, 240 / 255, 222 / 255),
  ink: rgb(28 / 255, 43 / 255, 54 / 255),
  muted: rgb(74 / 255, 90 / 255, 102 / 255),
  white: rgb(1, 1, 1),
};
