package dev.greenlight.policy.evidence;

/**
 * Anything the engine can cite. The id is the source event's id, so a decision lists exactly
 * which events it was computed from and duplicates of one event collapse to one item.
 */
public interface EvidenceItem {

    String id();
}
