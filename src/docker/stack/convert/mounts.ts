// A service's volumes as mounts (docker/cli convert/volume.go): a named volume is
// `<stack>_<key>` (or the file's `name`; an external one by its name) with the namespace label,
// the volume's labels and its driver in VolumeOptions, which is how the engine creates it on
// first use (a stack has no volume create step); an anonymous volume is left to the engine;
// a bind needs its source, a tmpfs must have none.
import type { Mount } from '../../engine-api/index.ts';
import type { ComposeFile, ComposeMount } from '../compose-file.ts';
import { scopedName, withStackLabel } from './namespace.ts';
import type { ComposePath, ConversionProblems } from './problems.ts';

export function convertMounts(namespace: string, volumes: readonly ComposeMount[], file: ComposeFile, path: ComposePath, problems: ConversionProblems): Mount[] {
  return volumes.flatMap((volume, i) => {
    const mount = convertMount(namespace, volume, file, [...path, String(i)], problems);
    return mount ? [mount] : [];
  });
}

function convertMount(namespace: string, volume: ComposeMount, file: ComposeFile, path: ComposePath, problems: ConversionProblems): Mount | null {
  const refuse = (message: string) => {
    problems.add(path, message);
    return null;
  };
  const base: Mount = {
    Type: volume.type,
    Target: volume.target,
    ...(volume.read_only ? { ReadOnly: true } : {}),
    ...(volume.source ? { Source: volume.source } : {}),
  };
  const incompatible = (['volume', 'bind', 'tmpfs'] as const).find((option) => option !== volume.type && volume[option] != null);
  if (incompatible) return refuse(`${incompatible} options are incompatible with type ${volume.type}`);

  switch (volume.type) {
    case 'bind':
      if (!volume.source) return refuse('invalid bind source, source cannot be empty');
      return { ...base, ...(volume.bind ? { BindOptions: volume.bind.propagation ? { Propagation: volume.bind.propagation } : {} } : {}) };
    case 'tmpfs':
      if (volume.source) return refuse('invalid tmpfs source, source must be empty');
      return { ...base, ...(volume.tmpfs ? { TmpfsOptions: volume.tmpfs.size ? { SizeBytes: volume.tmpfs.size } : {} } : {}) };
    case 'volume': {
      if (!volume.source) return base; // anonymous: the engine names and creates it
      const declared = Object.hasOwn(file.volumes, volume.source) ? file.volumes[volume.source] : undefined;
      if (!declared) return refuse(`undefined volume ${JSON.stringify(volume.source)}`);
      const source = declared.name || (declared.external ? volume.source : scopedName(namespace, volume.source));
      const noCopy = volume.volume?.nocopy ? { NoCopy: true } : {};
      if (declared.external) return { ...base, Source: source, VolumeOptions: noCopy };
      const driverOptions = Object.keys(declared.driver_opts).length > 0 ? { Options: { ...declared.driver_opts } } : {};
      const driver = declared.driver || Object.keys(driverOptions).length > 0
        ? { DriverConfig: { ...(declared.driver ? { Name: declared.driver } : {}), ...driverOptions } }
        : {};
      return { ...base, Source: source, VolumeOptions: { ...noCopy, Labels: withStackLabel(namespace, declared.labels), ...driver } };
    }
  }
}
