/** An e-mail address (or any name) that may wrap after its @ in a narrow column, not mid-word. */
export function EmailText({ value }: { value: string }) {
  const at = value.indexOf('@');
  if (at < 0) return value;
  return (
    <>
      {value.slice(0, at + 1)}
      <wbr />
      {value.slice(at + 1)}
    </>
  );
}
