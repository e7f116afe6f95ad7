// pdfkit also takes a font that fontkit has already parsed (its font factory accepts any object with a `layout`
// method), which lets a process parse a font once for all its documents; @types/pdfkit lists only files and bytes.
declare namespace PDFKit.Mixins {
  interface PDFFont {
    font(src: import('fontkit').Font, size?: number): this;
  }
}
