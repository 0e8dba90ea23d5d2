package org.roundtable.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roundtable.kernel.Roles;
import org.roundtable.server.tenancy.api.TenantSettings;

/**
 * The documented demo accounts of the embedded issuer. Each exists both as an OAuth2 client
 * (client-credentials grant) and as a browser user of the same name and secret.
 */
public final class DemoAccounts {

    /** The reserved tenant of the platform operator; it holds no agency data. */
    public static final String PLATFORM_TENANT = TenantSettings.PLATFORM_TENANT;
    public static final List<String> DEMO_TENANTS = List.of("kent", "krefeld", "darmstadt");
    public static final String OPERATOR = "operator";

    /** One demo identity: its name is both client id and user name, and the token's subject. */
    public record DemoAccount(String name, String tenant, Set<String> roles) {
    }

    private static final List<DemoAccount> ACCOUNTS = build();

    private DemoAccounts() {
    }

    public static List<DemoAccount> all() {
        return ACCOUNTS;
    }

    public static Optional<DemoAccount> find(String name) {
        return ACCOUNTS.stream().filter(account -> account.name().equals(name)).findFirst();
    }

    private static List<DemoAccount> build() {
        List<DemoAccount> accounts = new ArrayList<>();
        for (String tenant : DEMO_TENANTS) {
            accounts.add(new DemoAccount(tenant + "-admin", tenant, Set.of(Roles.ADMIN)));
            accounts.add(new DemoAccount(tenant + "-staff", tenant, Set.of(Roles.STAFF)));
            accounts.add(new DemoAccount(tenant + "-auditor", tenant, Set.of(Roles.AUDITOR)));
        }
        accounts.add(new DemoAccount("krefeld-chair", "krefeld", Set.of(Roles.CHAIR)));
        accounts.add(new DemoAccount(OPERATOR, PLATFORM_TENANT, Set.of(Roles.OPERATOR)));
        return List.copyOf(accounts);
    }
}
