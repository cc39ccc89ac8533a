// The batch API hands out store types (`Store`, `MatrixData`, `RunRecord` ...): re-export
// the store so that `import LacunaKit` is all a client (the CLI, the tests) needs.
@_exported import LacunaStore
