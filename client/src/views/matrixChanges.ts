import type { MatrixData } from './matrixHtml';

/**
 * Tells whether a matrix differs from the one on screen. Findings change often while a workspace
 * settles or the user types; re-rendering the webview each time reloads it (flicker, lost scroll)
 * when nothing in the grid changed.
 */
export class MatrixChanges {
  private shown: string | undefined;

  /** True (and remembered as shown) when `matrix` differs from the last one shown. */
  differs(matrix: MatrixData): boolean {
    const text = JSON.stringify(matrix);
    if (text === this.shown) return false;
    this.shown = text;
    return true;
  }

  /** The panel was closed or recreated: the next matrix must be shown whatever it is. */
  forget(): void {
    this.shown = undefined;
  }
}
