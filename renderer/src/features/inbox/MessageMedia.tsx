import type { SyntheticEvent } from 'react';
import type { Message } from '../../../../shared/domain/schemas';
import { useServices } from '../../app/services-context';
import { Icon } from '../../components/Icon';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { languageName } from './media-model';
import { useMediaSrc } from './use-media-src';
import './media.css';

/** A photo or video that finishes loading in the newest bubble grows it: keep the thread's end in view. */
const keepEndInView = (e: SyntheticEvent<HTMLElement>) => {
  const bubble = e.currentTarget.closest('li');
  if (bubble && !bubble.nextElementSibling) bubble.scrollIntoView({ block: 'end' });
};

const KIND_LABEL: Partial<Record<Message['kind'], 'media.image' | 'media.audio' | 'media.video' | 'media.document'>> = {
  image: 'media.image',
  sticker: 'media.image',
  audio: 'media.audio',
  video: 'media.video',
  document: 'media.document',
};

/**
 * A message's image, voice note (player, then the transcript's label; the transcript itself is the
 * bubble's text), video or document, served from the data folder. Media that was not downloaded
 * (over the size cap, the download failed) says so instead.
 */
export function MessageMedia({ message: m }: { message: Message }) {
  const t = useT(strings);
  const locale = useLocale();
  const { client } = useServices();
  const media = m.media ?? null;
  const src = useMediaSrc(client, m.shopId, m.id, media?.stored ?? false);
  if (!media) return null;
  const label = t(KIND_LABEL[m.kind] ?? 'media.document');

  if (!media.stored) {
    return (
      <p className="media-missing muted" data-testid="media-missing">
        {label} — {t('media.notStored')}
      </p>
    );
  }
  if (!src) return <p className="media-missing muted">{t('loading')}</p>;

  switch (m.kind) {
    case 'image':
    case 'sticker':
      return (
        <a className="media-image" href={src} target="_blank" rel="noreferrer" data-testid="media-image">
          <img src={src} alt={m.text || label} loading="lazy" onLoad={keepEndInView} />
        </a>
      );
    case 'audio': {
      const heard = media.transcript ? languageName(media.transcript.language, locale) : null;
      return (
        <div className="media-audio">
          {/* The controls follow the page direction; the timeline itself always runs left to right, as players do. */}
          <audio controls preload="metadata" src={src} data-testid="media-audio" aria-label={label} dir="ltr" />
          {media.transcript && (
            <p className="media-transcript-label" data-testid="media-transcript-label">
              {heard ? t('media.transcribedIn', { language: heard }) : t('media.transcribed')}
            </p>
          )}
        </div>
      );
    }
    case 'video':
      return (
        <video
          className="media-video"
          controls
          preload="metadata"
          src={src}
          onLoadedMetadata={keepEndInView}
          data-testid="media-video"
          aria-label={label}
        />
      );
    default:
      return (
        <div className="media-document" data-testid="media-document">
          <span className="media-document-icon" aria-hidden="true">
            <Icon name="document" size={18} />
          </span>
          <span className="media-document-name" dir="auto">
            {media.fileName ?? label}
          </span>
          <a href={src} target="_blank" rel="noreferrer" data-testid="media-open">
            {t('media.open')}
          </a>
          <a href={src.startsWith('blob:') ? src : `${src}?download=1`} download={media.fileName ?? ''} data-testid="media-download">
            {t('media.download')}
          </a>
        </div>
      );
  }
}
