/** Said once on a page that shows any example values. */
export function ExampleNotice() {
  return (
    <div className="notice warn" role="note">
      <p>
        <strong>Sidan visar exempeldata.</strong> Mått märkta <span className="badge example">Exempeldata</span> har påhittade värden för
        demonstration, tills verkliga värden importeras. Övriga mått visar verklig statistik med sin källa (t.ex. Brå, Indikatorer för
        kommuners lägesbild; EUDA för avloppsvatten), och en serie med verkliga värden visar aldrig exempelvärden.
      </p>
    </div>
  );
}
