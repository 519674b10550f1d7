/**
 * What the tray and the notifications say, in each UI locale. In shared/ because three places speak them: the
 * Electron shell (tray, OS notifications), and the renderer in a browser (Web Notifications and toasts).
 * `{name}` placeholders. Counts stand after a label ("Unread: 3"), so no word has to agree with the number
 * (Arabic has six plural forms).
 */
export const DESK_LOCALES = ['ar', 'fr', 'en', 'pt', 'it'] as const;
export type DeskLocale = (typeof DESK_LOCALES)[number];

export interface DeskStrings {
  humanTitle: string;
  complaintTitle: string;
  unsureTitle: string;
  needsYouTitle: string;
  needsYouBody: string;
  orderTitle: string;
  orderBody: string;
  disconnectedTitle: string;
  disconnectedBody: string;
  draftTitle: string;
  draftBody: string;
  pausedDiskTitle: string;
  pausedDiskBody: string;
  pausedErrorTitle: string;
  pausedErrorBody: string;
  trayRunning: string;
  trayDisconnected: string;
  trayPaused: string;
  trayRestarting: string;
  trayWaiting: string;
  trayUnread: string;
  trayOrders: string;
  menuOpen: string;
  menuOpenWaiting: string;
  menuPauseBot: string;
  menuResumeBot: string;
  menuQuit: string;
  aCustomer: string;
  wroteTitle: string;
  failedTitle: string;
  failedBody: string;
  closedToTrayTitle: string;
  closedToTrayBody: string;
  batteryTitle: string;
  batteryBody: string;
  /** The title of the error box when Souqbot's engine cannot start (its message is core's). */
  cannotStartTitle: string;
}

export const deskStrings: Record<DeskLocale, DeskStrings> = {
  en: {
    humanTitle: '{customer} wants to talk to you',
    complaintTitle: '{customer} has a complaint',
    unsureTitle: 'The bot was not sure how to answer {customer}',
    needsYouTitle: '{customer} needs you',
    needsYouBody: 'Open the conversation to answer.',
    orderTitle: 'New order from {customer}',
    orderBody: '{items} — {total}',
    disconnectedTitle: 'A WhatsApp number is disconnected',
    disconnectedBody: 'Customers writing to this number get no answer. Open Connect to link it again.',
    draftTitle: 'A reply to {customer} is waiting for you',
    draftBody: 'Approve, edit or reject it in the inbox.',
    pausedDiskTitle: 'The bot is paused: the disk is full',
    pausedDiskBody: 'Free some space; the bot starts again by itself.',
    pausedErrorTitle: 'The bot is paused by an error',
    pausedErrorBody: 'Open Souqbot to see what happened.',
    trayRunning: 'Souqbot — answering customers',
    trayDisconnected: 'Souqbot — a WhatsApp number is disconnected',
    trayPaused: 'Souqbot — the bot is paused',
    trayRestarting: 'Souqbot — restarting…',
    trayWaiting: 'Waiting for you: {count}',
    trayUnread: 'Unread: {count}',
    trayOrders: 'New orders today: {count}',
    menuOpen: 'Open Souqbot',
    menuOpenWaiting: 'Open the conversations waiting for you ({count})',
    menuPauseBot: 'Pause the bot on all numbers',
    menuResumeBot: 'Resume the bot',
    menuQuit: 'Quit Souqbot',
    aCustomer: 'A customer',
    wroteTitle: '{customer} wrote to you',
    failedTitle: 'A message to {customer} could not be sent',
    failedBody: 'Open the conversation to try again.',
    closedToTrayTitle: 'Souqbot is still answering customers',
    closedToTrayBody:
      'It keeps running in the tray when you close the window. Quit it from the tray menu, or change this in Settings → Desktop.',
    batteryTitle: 'Running on battery',
    batteryBody:
      'Souqbot keeps the computer awake while a number is linked: plug in the charger, or turn keep-awake off in Settings → Desktop.',
    cannotStartTitle: 'Souqbot cannot start',
  },
  fr: {
    humanTitle: '{customer} veut vous parler',
    complaintTitle: '{customer} a une réclamation',
    unsureTitle: "Le bot n'était pas sûr de sa réponse à {customer}",
    needsYouTitle: '{customer} a besoin de vous',
    needsYouBody: 'Ouvrez la conversation pour répondre.',
    orderTitle: 'Nouvelle commande de {customer}',
    orderBody: '{items} — {total}',
    disconnectedTitle: 'Un numéro WhatsApp est déconnecté',
    disconnectedBody: "Les clients qui écrivent à ce numéro n'ont pas de réponse. Ouvrez Connexion pour le relier.",
    draftTitle: 'Une réponse à {customer} vous attend',
    draftBody: 'Validez, modifiez ou refusez-la dans la boîte de réception.',
    pausedDiskTitle: 'Le bot est en pause : le disque est plein',
    pausedDiskBody: "Libérez de l'espace ; le bot repart tout seul.",
    pausedErrorTitle: 'Le bot est en pause à cause d’une erreur',
    pausedErrorBody: 'Ouvrez Souqbot pour voir ce qui s’est passé.',
    trayRunning: 'Souqbot — répond aux clients',
    trayDisconnected: 'Souqbot — un numéro WhatsApp est déconnecté',
    trayPaused: 'Souqbot — le bot est en pause',
    trayRestarting: 'Souqbot — redémarrage…',
    trayWaiting: 'Vous attendent : {count}',
    trayUnread: 'Non lus : {count}',
    trayOrders: "Nouvelles commandes aujourd'hui : {count}",
    menuOpen: 'Ouvrir Souqbot',
    menuOpenWaiting: 'Ouvrir les conversations qui vous attendent ({count})',
    menuPauseBot: 'Mettre le bot en pause sur tous les numéros',
    menuResumeBot: 'Relancer le bot',
    menuQuit: 'Quitter Souqbot',
    aCustomer: 'Un client',
    wroteTitle: '{customer} vous a écrit',
    failedTitle: "Un message à {customer} n'a pas pu partir",
    failedBody: 'Ouvrez la conversation pour réessayer.',
    closedToTrayTitle: 'Souqbot répond toujours aux clients',
    closedToTrayBody:
      "Il reste actif dans la barre des tâches quand vous fermez la fenêtre. Quittez-le depuis le menu de l'icône, ou changez ce réglage dans Paramètres → Bureau.",
    batteryTitle: 'Sur batterie',
    batteryBody:
      "Souqbot empêche l'ordinateur de se mettre en veille tant qu'un numéro est lié : branchez le chargeur, ou désactivez « rester éveillé » dans Paramètres → Bureau.",
    cannotStartTitle: 'Souqbot ne peut pas démarrer',
  },
  ar: {
    humanTitle: '{customer} يريد التحدث معك',
    complaintTitle: 'لدى {customer} شكوى',
    unsureTitle: 'لم يكن البوت متأكدا من جوابه لـ {customer}',
    needsYouTitle: '{customer} يحتاجك',
    needsYouBody: 'افتح المحادثة للرد.',
    orderTitle: 'طلب جديد من {customer}',
    orderBody: '{items} — {total}',
    disconnectedTitle: 'رقم واتساب غير متصل',
    disconnectedBody: 'الزبائن الذين يكتبون لهذا الرقم لا يتلقون ردا. افتح صفحة الربط لربطه من جديد.',
    draftTitle: 'رد على {customer} ينتظر موافقتك',
    draftBody: 'وافق عليه أو عدّله أو ارفضه في صندوق الرسائل.',
    pausedDiskTitle: 'البوت متوقف: القرص ممتلئ',
    pausedDiskBody: 'حرّر بعض المساحة، وسيعود البوت للعمل وحده.',
    pausedErrorTitle: 'البوت متوقف بسبب خطأ',
    pausedErrorBody: 'افتح سوق بوت لمعرفة ما حدث.',
    trayRunning: 'سوق بوت — يرد على الزبائن',
    trayDisconnected: 'سوق بوت — رقم واتساب غير متصل',
    trayPaused: 'سوق بوت — البوت متوقف',
    trayRestarting: 'سوق بوت — إعادة التشغيل…',
    trayWaiting: 'في انتظارك: {count}',
    trayUnread: 'غير مقروءة: {count}',
    trayOrders: 'طلبات جديدة اليوم: {count}',
    menuOpen: 'افتح سوق بوت',
    menuOpenWaiting: 'افتح المحادثات التي تنتظرك ({count})',
    menuPauseBot: 'أوقف البوت على كل الأرقام',
    menuResumeBot: 'شغّل البوت من جديد',
    menuQuit: 'أغلق سوق بوت',
    aCustomer: 'زبون',
    wroteTitle: '{customer} كتب لك',
    failedTitle: 'تعذر إرسال رسالة إلى {customer}',
    failedBody: 'افتح المحادثة للمحاولة من جديد.',
    closedToTrayTitle: 'Souqbot ما زال يرد على الزبائن',
    closedToTrayBody: 'يبقى يعمل في شريط المهام عند إغلاق النافذة. أغلقه من قائمة الأيقونة، أو غيّر هذا في الإعدادات ← سطح المكتب.',
    batteryTitle: 'الجهاز يعمل على البطارية',
    batteryBody: 'يمنع Souqbot الجهاز من السُّبات ما دام رقم مربوطًا: صِل الشاحن، أو أوقف «إبقاء الجهاز مستيقظًا» في الإعدادات ← سطح المكتب.',
    cannotStartTitle: 'تعذّر تشغيل Souqbot',
  },
  pt: {
    humanTitle: '{customer} quer falar com você',
    complaintTitle: '{customer} fez uma reclamação',
    unsureTitle: 'O bot não teve certeza da resposta para {customer}',
    needsYouTitle: '{customer} precisa de você',
    needsYouBody: 'Abra a conversa para responder.',
    orderTitle: 'Novo pedido de {customer}',
    orderBody: '{items} — {total}',
    disconnectedTitle: 'Um número de WhatsApp está desconectado',
    disconnectedBody: 'Quem escreve para este número não recebe resposta. Abra Conectar para ligá-lo de novo.',
    draftTitle: 'Uma resposta para {customer} espera por você',
    draftBody: 'Aprove, edite ou rejeite na caixa de entrada.',
    pausedDiskTitle: 'O bot está pausado: o disco está cheio',
    pausedDiskBody: 'Libere espaço; o bot volta sozinho.',
    pausedErrorTitle: 'O bot foi pausado por um erro',
    pausedErrorBody: 'Abra o Souqbot para ver o que aconteceu.',
    trayRunning: 'Souqbot — respondendo clientes',
    trayDisconnected: 'Souqbot — um número de WhatsApp está desconectado',
    trayPaused: 'Souqbot — o bot está pausado',
    trayRestarting: 'Souqbot — reiniciando…',
    trayWaiting: 'Esperando por você: {count}',
    trayUnread: 'Não lidas: {count}',
    trayOrders: 'Pedidos novos hoje: {count}',
    menuOpen: 'Abrir o Souqbot',
    menuOpenWaiting: 'Abrir as conversas que esperam por você ({count})',
    menuPauseBot: 'Pausar o bot em todos os números',
    menuResumeBot: 'Retomar o bot',
    menuQuit: 'Sair do Souqbot',
    aCustomer: 'Um cliente',
    wroteTitle: '{customer} escreveu para você',
    failedTitle: 'Uma mensagem para {customer} não foi enviada',
    failedBody: 'Abra a conversa para tentar de novo.',
    closedToTrayTitle: 'O Souqbot continua a responder aos clientes',
    closedToTrayBody:
      'Ele continua a funcionar na bandeja quando fecha a janela. Saia pelo menu do ícone, ou mude isto em Definições → Computador.',
    batteryTitle: 'A funcionar com bateria',
    batteryBody:
      'O Souqbot impede o computador de adormecer enquanto houver um número ligado: ligue o carregador, ou desative «manter acordado» em Definições → Computador.',
    cannotStartTitle: 'O Souqbot não consegue iniciar',
  },
  it: {
    humanTitle: '{customer} vuole parlare con te',
    complaintTitle: '{customer} ha un reclamo',
    unsureTitle: 'Il bot non era sicuro della risposta a {customer}',
    needsYouTitle: '{customer} ha bisogno di te',
    needsYouBody: 'Apri la conversazione per rispondere.',
    orderTitle: 'Nuovo ordine da {customer}',
    orderBody: '{items} — {total}',
    disconnectedTitle: 'Un numero WhatsApp è disconnesso',
    disconnectedBody: 'Chi scrive a questo numero non riceve risposta. Apri Collega per ricollegarlo.',
    draftTitle: 'Una risposta a {customer} ti aspetta',
    draftBody: 'Approvala, modificala o rifiutala nella posta in arrivo.',
    pausedDiskTitle: 'Il bot è in pausa: il disco è pieno',
    pausedDiskBody: 'Libera spazio; il bot riparte da solo.',
    pausedErrorTitle: 'Il bot è in pausa per un errore',
    pausedErrorBody: 'Apri Souqbot per vedere cosa è successo.',
    trayRunning: 'Souqbot — risponde ai clienti',
    trayDisconnected: 'Souqbot — un numero WhatsApp è disconnesso',
    trayPaused: 'Souqbot — il bot è in pausa',
    trayRestarting: 'Souqbot — riavvio…',
    trayWaiting: 'Ti aspettano: {count}',
    trayUnread: 'Non letti: {count}',
    trayOrders: 'Nuovi ordini oggi: {count}',
    menuOpen: 'Apri Souqbot',
    menuOpenWaiting: 'Apri le conversazioni che ti aspettano ({count})',
    menuPauseBot: 'Metti in pausa il bot su tutti i numeri',
    menuResumeBot: 'Riprendi il bot',
    menuQuit: 'Esci da Souqbot',
    aCustomer: 'Un cliente',
    wroteTitle: '{customer} ti ha scritto',
    failedTitle: 'Un messaggio a {customer} non è partito',
    failedBody: 'Apri la conversazione per riprovare.',
    closedToTrayTitle: 'Souqbot risponde ancora ai clienti',
    closedToTrayBody:
      "Resta attivo nell'area di notifica quando chiudi la finestra. Chiudilo dal menu dell'icona, o cambia questa scelta in Impostazioni → Desktop.",
    batteryTitle: 'Alimentazione a batteria',
    batteryBody:
      'Souqbot impedisce al computer di sospendersi finché un numero è collegato: collega il caricatore, o disattiva «tieni sveglio» in Impostazioni → Desktop.',
    cannotStartTitle: 'Souqbot non riesce ad avviarsi',
  },
};

export const isDeskLocale = (value: string): value is DeskLocale => (DESK_LOCALES as readonly string[]).includes(value);

/** `{name}` → value; numbers in Western digits, as Maghreb sellers write them. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
