// Signature fixed here; implementation follows.
