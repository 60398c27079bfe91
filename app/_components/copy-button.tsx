'use client';

import { useState } from 'react';

/** Copies the text of the field `targetId` (the embed code) and says so; without JavaScript the field is selectable. */
export function CopyButton({ targetId, label = 'Kopiera koden' }: { targetId: string; label?: string }) {
  const [status, setStatus] = useState('');
  async function copy() {
    const field = document.getElementById(targetId) as HTMLTextAreaElement | null;
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
      setStatus('Koden är kopierad.');
    } catch {
      // No clipboard access (an http page, or the browser refuses): select the code for Ctrl+C instead.
      field.focus();
      field.select();
      setStatus('Koden är markerad: kopiera med Ctrl+C (⌘+C på Mac).');
    }
  }
  return (
    <p>
      <button type="button" onClick={copy}>
        {label}
      </button>{' '}
      <span role="status">{status}</span>
    </p>
  );
}
