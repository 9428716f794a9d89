"""The hotline's side of Relais: staff accounts, the handoff queue and the console at /staff."""
