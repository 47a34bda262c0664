"""One drawing function per chart kind: each lays out its data and returns a Canvas."""
