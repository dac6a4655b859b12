// Problems found while converting, each at its compose path (['services', 'web', 'deploy',
// 'replicas']). The converter collects them all and throws them once, as an
// InvalidOptionsError, so a caller sees every problem of a file in one answer.
import { userError, type UserErrorInit } from '../../../errors/codes.ts';

export type ComposePath = readonly string[];

export class ConversionProblems {
  readonly list: UserErrorInit[] = [];

  /** Records what the CLI refuses at this point of the conversion. */
  add(path: ComposePath, message: string): void {
    this.list.push(userError([...path], 'COMPOSE_INVALID', message));
  }
}
