// Exposed as "./Crash": throws while rendering, to prove the shell's error boundary contains it.
import { useModuleContext } from '@plugboard/sdk';

export default function Crash() {
  useModuleContext();
  throw new Error('faulty module crashed on purpose');
}
