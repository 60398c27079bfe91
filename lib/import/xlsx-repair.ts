import path from 'node:path/posix';
import type JSZip from 'jszip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Workbooks written by other tools than Excel are valid Open XML that exceljs (and our streaming reader, which
 * reads Excel's own spelling) do not follow: the .NET Open XML SDK writes absolute part names in relationships
 * (`Target="/xl/worksheets/sheet.xml"`) and prefixes every SpreadsheetML element (`<x:row>`, `<x:c>`). This
 * rewrites such a package into Excel's spelling — relative targets, the main namespace as the default one —
 * and returns null when nothing needed rewriting. Inline strings (`t="inlineStr"`) are read by both readers.
 * Call it only after checkXlsx has measured the package (sizes, rows, cells): it unpacks the parts it rewrites.
 */
export async function repairXlsx(bytes: Uint8Array): Promise<Uint8Array | null> {
  const { default: JSZipCtor } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await JSZipCtor.loadAsync(bytes);
  } catch {
    return null;
  }
  if (!(await needsRepair(zip))) return null; // Excel's own files: no part is unpacked here
  let changed = false;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    if (file.name.endsWith('.rels')) {
      const xml = await file.async('string');
      // The rels of "xl/workbook.xml" live in "xl/_rels/"; a target is relative to the source part's folder.
      const sourceDir = path.dirname(path.dirname(file.name));
      const fixed = xml.replace(/<Relationship\b[^>]*>/g, (rel) => {
        if (/TargetMode="External"/.test(rel)) return rel;
        return rel.replace(
          /Target="\/([^"]*)"/,
          (_m, abs: string) => `Target="${sourceDir === '.' ? abs : path.relative(sourceDir, abs)}"`,
        );
      });
      if (fixed !== xml) {
        zip.file(file.name, fixed);
        changed = true;
      }
    } else if (file.name.endsWith('.xml')) {
      const xml = await file.async('string');
      const prefix = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${MAIN_NS.replace(/[/.]/g, '\\$&')}"`).exec(xml)?.[1];
      if (!prefix) continue;
      const fixed = xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1').replace(`xmlns:${prefix}="${MAIN_NS}"`, `xmlns="${MAIN_NS}"`);
      zip.file(file.name, fixed);
      changed = true;
    }
  }
  if (await renameWorksheets(zip)) changed = true;
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : null;
}

/**
 * exceljs finds worksheets by Excel's part names (`xl/worksheets/sheet1.xml`); the SDK names them `sheet.xml`,
 * `sheet2.xml` … or anything else. Worksheet parts with other names are renamed, with their relationship, their
 * content type and their own relationships (`_rels/<name>.rels`) following.
 */
async function renameWorksheets(zip: JSZip): Promise<boolean> {
  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = await zip.file(relsName)?.async('string');
  if (!rels) return false;
  const taken = new Set(Object.keys(zip.files));
  let next = 1;
  let changed = false;
  let fixedRels = rels;
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/\/worksheet"/.test(m[0])) continue;
    const target = /Target="([^"]*)"/.exec(m[0])?.[1];
    if (!target || /^worksheets\/sheet\d+\.xml$/.test(target)) continue;
    const from = path.join('xl', target);
    const file = zip.file(from);
    if (!file) continue;
    while (taken.has(`xl/worksheets/sheet${next}.xml`)) next++;
    const to = `xl/worksheets/sheet${next}.xml`;
    taken.add(to);
    zip.file(to, await file.async('uint8array'));
    zip.remove(from);
    const ownRels = zip.file(path.join(path.dirname(from), '_rels', `${path.basename(from)}.rels`));
    if (ownRels) {
      zip.file(path.join('xl/worksheets/_rels', `${path.basename(to)}.rels`), await ownRels.async('uint8array'));
      zip.remove(ownRels.name);
    }
    fixedRels = fixedRels.replace(m[0], m[0].replace(/Target="[^"]*"/, `Target="${path.relative('xl', to)}"`));
    types = types.replace(`PartName="/${from}"`, `PartName="/${to}"`);
    changed = true;
  }
  if (changed) {
    zip.file(relsName, fixedRels);
    zip.file('[Content_Types].xml', types);
  }
  return changed;
}

/**
 * Whether the package is spelt differently from Excel's, judged from its small parts only (the relationships and
 * the workbook), so that a large workbook Excel wrote is never unpacked here.
 */
async function needsRepair(zip: JSZip): Promise<boolean> {
  for (const file of Object.values(zip.files)) {
    if (
      !file.dir &&
      file.name.endsWith('.rels') &&
      /<Relationship\b(?![^>]*TargetMode="External")[^>]*Target="\//.test(await file.async('string'))
    )
      return true;
  }
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  if (workbook === undefined) return true; // the workbook is elsewhere: the relationships say where
  if (new RegExp(`xmlns:[A-Za-z_][\\w.-]*="${MAIN_NS.replace(/[/.]/g, '\\$&')}"`).test(workbook)) return true;
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  return [...rels.matchAll(/<Relationship\b[^>]*\/worksheet"[^>]*>/g)].some((m) => !/Target="worksheets\/sheet\d+\.xml"/.test(m[0]));
}
