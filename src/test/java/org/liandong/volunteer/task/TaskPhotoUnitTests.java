package org.liandong.volunteer.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.liandong.platform.InvalidValueException;
import org.liandong.volunteer.TaskPhoto;

class TaskPhotoUnitTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Test
    void recognisesJpegAndPngByTheirFirstBytes() {
        assertThat(TaskPhoto.of(JPEG).contentType()).isEqualTo("image/jpeg");
        assertThat(TaskPhoto.of(PNG).contentType()).isEqualTo("image/png");
    }

    @Test
    void refusesOtherFilesWhateverTheyAreCalled() {
        assertThatThrownBy(() -> TaskPhoto.of("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidValueException.class).hasMessage("volunteer.task.photo.not-an-image");
        assertThatThrownBy(() -> TaskPhoto.of("%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TaskPhoto.of(new byte[] {(byte) 0xFF, (byte) 0xD8}))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TaskPhoto.of(new byte[0])).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesPhotosOverFiveMegabytes() {
        var big = new byte[TaskPhoto.MAX_BYTES + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        assertThatThrownBy(() -> TaskPhoto.of(big)).isInstanceOf(InvalidValueException.class)
                .hasMessage("volunteer.task.photo.too-large");
        var fits = new byte[TaskPhoto.MAX_BYTES];
        System.arraycopy(JPEG, 0, fits, 0, JPEG.length);
        assertThat(TaskPhoto.of(fits).contentType()).isEqualTo("image/jpeg");
    }
}
