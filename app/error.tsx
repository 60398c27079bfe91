'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
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
