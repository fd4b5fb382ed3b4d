package org.liandong.volunteer;

/** Why a field of an application is not acceptable: the field and a message key with its arguments. */
public record ApplicationProblem(String field, String messageKey, Object... args) {
}
