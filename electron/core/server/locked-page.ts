import { Locale } from '../../../shared/domain/schemas';

/**
 * The page a browser gets without the access token (a bookmark, another browser): what this
 * is and how to open it, in the seller's language — the one they chose in the app (core keeps
 * it), else the browser's, else English. Plain HTML: the app itself cannot load without the token.
 */
const WORDS: Record<Locale, { title: string; body: string; steps: string[] }> = {
  en: {
    title: 'Open Souqbot from its own address',
    body: 'This address needs the access key that Souqbot gives when it starts. Without it, no one else on this computer or network can read your shop.',
    steps: [
      'Find the window or terminal where Souqbot is running.',
      'Open the address it shows (it begins with http://127.0.0.1 and contains ?token=).',
      'Souqbot then remembers this browser.',
    ],
  },
  fr: {
    title: 'Ouvrez Souqbot depuis sa propre adresse',
    body: 'Cette adresse demande la clé d’accès que Souqbot donne au démarrage. Sans elle, personne d’autre sur cet ordinateur ou ce réseau ne peut lire votre boutique.',
    steps: [
      'Trouvez la fenêtre ou le terminal où Souqbot tourne.',
      'Ouvrez l’adresse qu’il affiche (elle commence par http://127.0.0.1 et contient ?token=).',
      'Souqbot se souvient ensuite de ce navigateur.',
    ],
  },
  ar: {
    title: 'افتح سوق بوت من عنوانه الخاص',
    body: 'هذا العنوان يحتاج مفتاح الدخول الذي يعطيه سوق بوت عند تشغيله. بدونه لا يستطيع أحد غيرك على هذا الحاسوب أو الشبكة قراءة متجرك.',
    steps: [
      'ابحث عن النافذة أو الطرفية التي يعمل فيها سوق بوت.',
      'افتح العنوان الذي يعرضه (يبدأ بـ http://127.0.0.1 ويحتوي على ‎?token=).',
      'بعدها يتذكر سوق بوت هذا المتصفح.',
    ],
  },
  pt: {
    title: 'Abra o Souqbot pelo endereço dele',
    body: 'Este endereço precisa da chave de acesso que o Souqbot mostra ao iniciar. Sem ela, ninguém mais neste computador ou rede consegue ler a sua loja.',
    steps: [
      'Encontre a janela ou o terminal onde o Souqbot está rodando.',
      'Abra o endereço que ele mostra (começa com http://127.0.0.1 e contém ?token=).',
      'Depois o Souqbot lembra deste navegador.',
    ],
  },
  it: {
    title: 'Apri Souqbot dal suo indirizzo',
    body: 'Questo indirizzo richiede la chiave di accesso che Souqbot mostra all’avvio. Senza di essa nessun altro su questo computer o rete può leggere il tuo negozio.',
    steps: [
      'Trova la finestra o il terminale in cui Souqbot è in esecuzione.',
      'Apri l’indirizzo che mostra (inizia con http://127.0.0.1 e contiene ?token=).',
      'Poi Souqbot si ricorda di questo browser.',
    ],
  },
};

/** The seller's saved choice, else the first supported language the browser asks for, else English. */
export function lockedPageLocale(saved: Locale | null, acceptLanguage: string | undefined): Locale {
  if (saved) return saved;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const parsed = Locale.safeParse(part.trim().split(/[-;]/)[0]?.toLowerCase());
    if (parsed.success) return parsed.data;
  }
  return 'en';
}

export function lockedPage(locale: Locale): string {
  const w = WORDS[locale];
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const steps = w.steps.map((s) => `<li>${s.replace(/(http:\/\/127\.0\.0\.1|\?token=)/g, '<bdi dir="ltr">$1</bdi>')}</li>`).join('');
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Souqbot</title>
<style>body{font-family:system-ui,'Noto Sans Arabic',sans-serif;background:#f6f7f5;color:#1d2521;display:grid;place-items:center;min-height:100vh;margin:0;padding:1rem;box-sizing:border-box}main{max-width:34rem;background:#fff;border:1px solid #dfe3dd;border-radius:14px;padding:2rem}h1{font-size:1.3rem;margin-top:0}li{margin-block:.4rem}</style></head>
<body><main data-testid="locked-page"><h1>${w.title}</h1><p>${w.body}</p><ol>${steps}</ol></main></body></html>`;
}
