package io.xp2aso.handoff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ObjectRefTest {
    @Test
    void kubectlTypeIsTheLowerCaseKindQualifiedByGroup() {
        ObjectRef account = new ObjectRef("storage.azure.upbound.io/v1beta1", "Account", "", "acct");
        // asked twice: the remembered type is the same; the same kind in another group or core is another type
        for (int i = 0; i < 2; i++) {
            assertEquals("account.storage.azure.upbound.io", account.kubectlType());
            assertEquals("account.storage.azure.com", new ObjectRef("storage.azure.com/v1api20230101", "Account", "ns", "a")
                    .kubectlType());
            assertEquals("account", new ObjectRef("v1", "Account", "", "a").kubectlType());
            assertEquals("secret", new ObjectRef("v1", "Secret", "team-a", "s").kubectlType());
        }
        assertEquals("account.storage.azure.upbound.io/acct", account.kubectlArgs());
        assertEquals("secret/s -n team-a", new ObjectRef("v1", "Secret", "team-a", "s").kubectlArgs());
    }
}
