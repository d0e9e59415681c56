// class-transformer keeps its @Type() metadata in a storage it does not export from its entry point; its
// CommonJS build has it at this path, typed by the package's own declaration.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
