package org.liandong.volunteer.roster;

/** Rules that are settings rather than data, handed to the constraints as a problem fact. */
public record RosterRules(long minRestMinutes) {
}
