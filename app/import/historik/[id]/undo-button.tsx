'use client';

import { useActionState } from 'react';
import { undoImportAction, type UndoState } from './actions';

export function UndoButton({ importId }: { importId: number }) {
  const [state, action, pending] = useActionState<UndoState, FormData>(undoImportAction, { error: null });
  return (
    <form action={action}>
      <input type="hidden" name="importId" value={importId} />
      <p>Att ångra återställer exakt de värden importen ersatte och tar bort de värden den lade till.</p>
      <button type="submit" disabled={pending}>{pending ? 'Ångrar …' : 'Ångra importen'}</button>
      {state.error && <p className="notice alert" role="alert">{state.error}</p>}
    </form>
  );
}
