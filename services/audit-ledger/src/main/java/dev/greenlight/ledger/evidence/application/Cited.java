package dev.greenlight.ledger.evidence.application;

import dev.greenlight.ledger.evidence.domain.Source;

/** A typed {@link CitedEvent}, so the assembler reads fields without casting at every use. */
record Cited<T>(Source source, T event) {
}
