package dev.greenlight.ledger.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the ledger names itself in its C2SP checkpoint notes ({@code greenlight.ledger.origin}). The
 * origin is the first line of every checkpoint and the name of the key that signs it, so witnesses
 * and auditors tell ledgers apart by it: give each deployment its own, e.g.
 * {@code ledger.example.com/greenlight}, and never change it (saved checkpoints name it).
 *
 * @param origin the checkpoint origin line and note key name
 */
@ConfigurationProperties("greenlight.ledger")
public record NoteProperties(@DefaultValue("greenlight.local/ledger") String origin) {
}
