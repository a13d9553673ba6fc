package org.terrawatch.app.security;

/**
 * What a new password must be (set through the admin API): at least 10 characters, of at least three of the four kinds
 * (lower case, upper case, digits, other), and not containing the user name.
 */
public final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or null when it is acceptable. */
    public static String problem(String username, String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return "A password has at least " + MINIMUM_LENGTH + " characters / 密码至少 " + MINIMUM_LENGTH + " 位";
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0) + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0) + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return "A password mixes at least three of: lower case, upper case, digits, other characters / 密码须包含大写、小写、数字、符号中的三类";
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            return "A password does not contain the user name / 密码不得包含用户名";
        }
        return null;
    }
}
