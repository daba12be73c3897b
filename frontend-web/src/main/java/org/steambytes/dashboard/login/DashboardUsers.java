package org.steambytes.dashboard.login;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The dashboard users as frontend-api keeps them ({@code users}, read only here). The role becomes
 * the authority {@code ROLE_ADMIN}, {@code ROLE_OPERATOR} or {@code ROLE_VIEWER}; which sites a user
 * sees is frontend-api's answer on every call, not something the session remembers.
 */
@Component
class DashboardUsers implements UserDetailsService {

    private final JdbcClient jdbc;

    DashboardUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // User names are stored lower-case (frontend-api's format check): "Admin" signs in as "admin".
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM users WHERE username = ?")
                .param(name)
                .query((rs, row) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(List.of(new SimpleGrantedAuthority(
                                "ROLE_" + rs.getString("role").toUpperCase(Locale.ROOT))))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
