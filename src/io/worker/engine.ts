// The import's work, run by the Web Worker (import.worker.ts) or, where there is none (unit tests),
// in the page. It keeps the last opened workbook, so choosing columns does not parse the file again.
import type { AreaIndex } from '../../domain/areas/areas';
import { loadAreaIndex } from '../../domain/areas/load';
import { areaExistsIn } from '../../domain/validation/student';
import { areaResolver, type AreaResolver } from '../spreadsheet/areas';
import {
  buildPreview,
  detect,
  mappingUsable,
  openFile,
  overall,
  proposeMapping,
  type Preview,
  type Stage,
} from '../spreadsheet/pipeline';
import { SpreadsheetProblem } from '../spreadsheet/problems';
import type { Workbook } from '../spreadsheet/workbook';
import type { Reply, Request } from './protocol';

// Unchanged rows travel without their records: nothing is shown or written for them.
function slim(preview: Preview): Preview {
  const rows = preview.plan.rows.map((r) =>
    r.group === 'unchanged' ? { ...r, student: null, existing: null, result: null, findings: [] } : r,
  );
  return { ...preview, plan: { ...preview.plan, rows } };
}

export class ImportEngine {
  private wb: Workbook | null = null;
  private areas: { index: AreaIndex; resolve: AreaResolver } | null = null;

  async handle(req: Request, post: (reply: Reply) => void): Promise<void> {
    const progress = (stage: Stage, fraction: number) =>
      post({ id: req.id, type: 'progress', fraction: overall(stage, fraction) });
    try {
      if (req.type === 'warm') {
        await this.loadAreas();
        post({ id: req.id, type: 'warmed' });
        return;
      }
      if (req.type === 'open') {
        const { wb, info } = openFile(new Uint8Array(req.bytes), progress);
        this.wb = wb;
        const proposal = proposeMapping(wb, detect(wb, req.sheet), req.presets);
        post({
          id: req.id,
          type: 'opened',
          result: { info, proposal, usable: mappingUsable(proposal.detection.mapping) },
        });
        return;
      }
      if (!this.wb) throw new Error('no file is open');
      const areas = await this.loadAreas();
      const found = detect(this.wb, req.mapping.sheet);
      const result = buildPreview(
        this.wb,
        { ...found, mapping: req.mapping },
        {
          register: req.register,
          asOf: req.asOf,
          dismissed: new Set(req.dismissed),
          resolveArea: areas.resolve,
          areaExists: areaExistsIn(areas.index),
        },
        progress,
      );
      post({ id: req.id, type: 'preview', result: slim(result) });
    } catch (e) {
      if (e instanceof SpreadsheetProblem) post({ id: req.id, type: 'problem', code: e.code, params: e.params });
      else post({ id: req.id, type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async loadAreas(): Promise<{ index: AreaIndex; resolve: AreaResolver }> {
    if (!this.areas) {
      const index = await loadAreaIndex();
      this.areas = { index, resolve: areaResolver(index) };
    }
    return this.areas;
  }
}
