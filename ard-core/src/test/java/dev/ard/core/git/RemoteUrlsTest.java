package dev.ard.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteUrlsTest {

    @Test
    void dropsUserInfoFromUrls() {
        assertThat(RemoteUrls.withoutUserInfo("https://user:token@host/x.git")).isEqualTo("https://host/x.git");
        assertThat(RemoteUrls.withoutUserInfo("https://x-access-token:ghs_abc@github.com/o/r"))
                .isEqualTo("https://github.com/o/r");
        assertThat(RemoteUrls.withoutUserInfo("https://oauth2:p@ss@gitlab.example.com:8443/g/r.git"))
                .isEqualTo("https://gitlab.example.com:8443/g/r.git");
        assertThat(RemoteUrls.withoutUserInfo("ssh://git@host:22/x.git")).isEqualTo("ssh://host:22/x.git");
        assertThat(RemoteUrls.withoutUserInfo("git@github.com:acme/app.git")).isEqualTo("github.com:acme/app.git");
    }

    @Test
    void leavesUrlsWithoutUserInfoAlone() {
        assertThat(RemoteUrls.withoutUserInfo("https://host/path@v1/x.git")).isEqualTo("https://host/path@v1/x.git");
        assertThat(RemoteUrls.withoutUserInfo("file:///srv/repos/x.git")).isEqualTo("file:///srv/repos/x.git");
        assertThat(RemoteUrls.withoutUserInfo("/srv/repos/x.git")).isEqualTo("/srv/repos/x.git");
        assertThat(RemoteUrls.withoutUserInfo("../sibling")).isEqualTo("../sibling");
        assertThat(RemoteUrls.withoutUserInfo(" ")).isNull();
        assertThat(RemoteUrls.withoutUserInfo(null)).isNull();
    }

    @Test
    void redactsUrlsInsideMessages() {
        assertThat(RemoteUrls.redactUserInfo("cannot fetch https://u:tok@host/x.git: denied"))
                .isEqualTo("cannot fetch https://host/x.git: denied");
    }
}
