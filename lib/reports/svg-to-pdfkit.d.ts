/* svg-to-pdfkit ships no types: the part of its API the report renderer uses (see its README). */
declare module 'svg-to-pdfkit' {
  interface SVGtoPDFOptions {
    /** The initial viewport, in PDF points. */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Map an SVG font-family (and weight/style) to a font name or path pdfkit can open. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxItalic: boolean; fauxBold: boolean }) => string;
    imageCallback?: (link: string) => string;
    warningCallback?: (warning: string) => void;
    /** Treat SVG user units as points instead of CSS pixels (1px = 0.75pt). */
    assumePt?: boolean;
    precision?: number;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SVGtoPDFOptions): void;
  export default SVGtoPDF;
}
