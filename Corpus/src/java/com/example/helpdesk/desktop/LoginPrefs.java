package com.example.helpdesk.desktop;

import java.util.prefs.Preferences;

public final class LoginPrefs {
    private static final Preferences PREFS = Preferences.userRoot().node("helpdesk");

    static void save(String user, char[] password) {
        PREFS.put("user", user);
        Preferences.userRoot().node("helpdesk").put("password", String.valueOf(password));
        PREFS.put("passwordPolicy", "strict");
    }
}
