"""The speech settings: read with the others, in settings.py, with bad values made good."""

from __future__ import annotations

from reader.settings import Settings, SpeechSettings


def test_speech_settings_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "READER_SPEECH_VOICE": " fr-be ",
            "READER_SPEECH_RATE": "130",
            "READER_SPEECH_PLAYER": "aplay -D null",
        }
    ).speech
    assert settings == SpeechSettings(voice="fr-be", rate=130, player="aplay -D null")


def test_defaults_and_bad_values() -> None:
    assert Settings.from_env({}).speech == SpeechSettings("fr-fr", 160, None)
    assert SpeechSettings.from_env({"READER_SPEECH_RATE": "fast"}).rate == 160
    assert SpeechSettings.from_env({"READER_SPEECH_RATE": "20"}).rate == 80
    assert SpeechSettings.from_env({"READER_SPEECH_RATE": "900"}).rate == 450
    assert SpeechSettings.from_env({"READER_SPEECH_VOICE": "", "READER_SPEECH_PLAYER": " "}) == (
        SpeechSettings()
    )
