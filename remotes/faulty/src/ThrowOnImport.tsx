// Exposed as "./ThrowOnImport": its top-level code throws, so loadRemote() of it rejects.
import { useModuleContext } from '@plugboard/sdk';

function explode(): void {
  throw new Error('faulty module threw on import');
}
explode();

export default function ThrowOnImport() {
  useModuleContext();
  return <p>unreachable: this module throws when imported</p>;
}
