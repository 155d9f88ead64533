package dev.greenlight.ledger.verify;

/**
 * One record found in a ledger partition: either an entry, or something that is not one (a record
 * another producer appended, undecodable bytes). Both are kept so the verifier can name the exact
 * place where the ledger stops being a ledger.
 */
public sealed interface LedgerItem {

    /** Where the item was found: {@code topic-partition@offset} or {@code line N}. */
    String location();

    /** A decodable ledger entry. */
    record Recorded(Entry entry, String location) implements LedgerItem {
    }

    /** A record in a ledger partition that is not a ledger entry, with why. */
    record Foreign(int partition, String location, String why) implements LedgerItem {
    }
}
