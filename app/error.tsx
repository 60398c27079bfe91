'use client';

import { CROSS_SITE_MESSAGE } from '@/lib/auth/origin';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The proxy's refusal of a server action posted from another address: Next throws its text/plain body here.
  if (error.message === CROSS_SITE_MESSAGE) {
    return (
      <div role="alert">
        <h1>Åtgärden avvisades</h1>
        <p>
          {CROSS_SITE_MESSAGE} Inget ändrades. Öppna sidan på appens egen adress och försök igen; kvarstår felet, kontakta den som förvaltar
          Trygghetsläget (servern känner kanske inte igen adressen du använder).
        </p>
      </div>
    );
  }
  return (
    <div role="alert">
      <h1>Sidan kunde inte visas</h1>
      <p>
        Något gick fel när uppgifterna skulle hämtas. Det beror oftast på att databasen inte går att nå just nu. Försök igen om en stund.
        Kvarstår felet, kontakta den som förvaltar Trygghetsläget.
      </p>
      {error.digest && (
        <p>
          Felkod: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={() => reset()}>
        Försök igen
      </button>
    </div>
  );
}
