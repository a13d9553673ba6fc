package org.terrawatch.geodesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Cgcs2000Test {

    @Test
    void zonesOfTheTwoBureaus() {
        assertThat(Cgcs2000.gaussKrugerZoneFor(113.58)).isEqualTo(4547); // Yangquan, CM 114E
        assertThat(Cgcs2000.gaussKrugerZoneFor(106.20)).isEqualTo(4544); // Hongsipu, CM 105E
        assertThat(Cgcs2000.centralMeridianOf(4547)).isEqualTo(114);
        assertThat(Cgcs2000.centralMeridianOf(4534)).isEqualTo(75);
        assertThat(Cgcs2000.centralMeridianOf(4554)).isEqualTo(135);
    }

    @Test
    void outsideChinaIsRefused() {
        assertThatThrownBy(() -> Cgcs2000.gaussKrugerZoneFor(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cgcs2000.centralMeridianOf(4326)).isInstanceOf(IllegalArgumentException.class);
    }
}
