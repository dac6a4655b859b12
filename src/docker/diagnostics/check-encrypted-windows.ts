// The `encrypted-windows` check. The overlay guide: overlay encryption is not supported on
// Windows; a Windows node attached to an encrypted overlay gets no error, but cannot
// communicate on it.
import type { Network, Node } from '../engine-api/index.ts';
import { ENCRYPTED_OPTION } from '../model/network.ts';
import type { Check } from './types.ts';

export const isEncryptedOverlay = (n: Network): boolean => n.Driver === 'overlay' && n.Options != null && ENCRYPTED_OPTION in n.Options;

export function checkEncryptedWindows(networks: readonly Network[], nodes: readonly Node[]): Check {
  const encrypted = networks.filter(isEncryptedOverlay).map((n) => n.Name).sort();
  const windows = nodes.filter((n) => n.Description?.Platform?.OS?.toLowerCase() === 'windows').map((n) => n.Description.Hostname).sort();
  if (encrypted.length > 0 && windows.length > 0) {
    return {
      id: 'encrypted-windows',
      status: 'WARNING',
      summary: `Encrypted overlay networks exist while ${windows.length} Windows node(s) are in the swarm; Windows does not support overlay encryption, so their tasks cannot communicate on them.`,
      details: [`encrypted networks: ${encrypted.join(', ')}`, `Windows nodes: ${windows.join(', ')}`, 'keep Windows tasks off encrypted networks (placement constraint node.platform.os!=windows)'],
    };
  }
  return {
    id: 'encrypted-windows',
    status: 'OK',
    summary: encrypted.length > 0 ? 'Encrypted overlay networks exist, but no node runs Windows.' : 'No encrypted overlay networks.',
    details: encrypted.length > 0 ? [`encrypted networks: ${encrypted.join(', ')}`] : [],
  };
}
