import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: {
    title: 'Orders', all: 'All', search: 'Search name, phone, wilaya…', exportCsv: 'Export CSV (courier)', empty: 'No orders yet. Orders appear here when a customer confirms in a conversation.',
    colDate: 'Date', colCustomer: 'Customer', colPlace: 'Wilaya / city', colItems: 'Products', colTotal: 'Total', colStatus: 'Status',
    status_new: 'New', status_confirmed: 'Confirmed', status_shipped: 'Shipped', status_delivered: 'Delivered', status_cancelled: 'Cancelled', status_returned: 'Returned',
    moveTo: 'Move to', notify: 'Message the customer', cash: 'Cash collected', subtotal: 'Items', delivery: 'Delivery', deliveryUnknown: 'to confirm', total: 'Total',
    address: 'Address', phone: 'Phone', panelTitle: 'Orders of this customer', panelEmpty: 'No order in this conversation yet.', loading: 'Loading…', close: 'Close', notified: 'Customer notified', count: '{count} orders',
    toastNew: 'New order #{id} — {name}, {total}', toastOpen: 'See orders',
  },
  fr: {
    title: 'Commandes', all: 'Toutes', search: 'Rechercher nom, téléphone, wilaya…', exportCsv: 'Exporter CSV (livreur)', empty: "Pas encore de commande. Elles apparaissent ici quand un client confirme dans une conversation.",
    colDate: 'Date', colCustomer: 'Client', colPlace: 'Wilaya / ville', colItems: 'Produits', colTotal: 'Total', colStatus: 'Statut',
    status_new: 'Nouvelle', status_confirmed: 'Confirmée', status_shipped: 'Expédiée', status_delivered: 'Livrée', status_cancelled: 'Annulée', status_returned: 'Retournée',
    moveTo: 'Passer à', notify: 'Prévenir le client', cash: 'Montant encaissé', subtotal: 'Articles', delivery: 'Livraison', deliveryUnknown: 'à confirmer', total: 'Total',
    address: 'Adresse', phone: 'Téléphone', panelTitle: 'Commandes de ce client', panelEmpty: 'Pas encore de commande dans cette conversation.', loading: 'Chargement…', close: 'Fermer', notified: 'Client prévenu', count: '{count} commandes',
    toastNew: 'Nouvelle commande n° {id} — {name}, {total}', toastOpen: 'Voir les commandes',
  },
  ar: {
    title: 'الطلبات', all: 'الكل', search: 'ابحث بالاسم أو الهاتف أو الولاية…', exportCsv: 'تصدير CSV (شركة التوصيل)', empty: 'لا توجد طلبات بعد. تظهر هنا عندما يؤكد زبون طلبه في محادثة.',
    colDate: 'التاريخ', colCustomer: 'الزبون', colPlace: 'الولاية / المدينة', colItems: 'المنتجات', colTotal: 'المجموع', colStatus: 'الحالة',
    status_new: 'جديد', status_confirmed: 'مؤكد', status_shipped: 'تم الشحن', status_delivered: 'تم التسليم', status_cancelled: 'ملغى', status_returned: 'مرتجع',
    moveTo: 'نقل إلى', notify: 'إرسال رسالة للزبون', cash: 'المبلغ المحصل', subtotal: 'المنتجات', delivery: 'التوصيل', deliveryUnknown: 'يؤكد لاحقا', total: 'المجموع',
    address: 'العنوان', phone: 'الهاتف', panelTitle: 'طلبات هذا الزبون', panelEmpty: 'لا يوجد طلب في هذه المحادثة بعد.', loading: 'جار التحميل…', close: 'إغلاق', notified: 'تم إبلاغ الزبون', count: '{count} طلبات',
    toastNew: 'طلب جديد رقم {id} — {name}، {total}', toastOpen: 'عرض الطلبات',
  },
  pt: {
    title: 'Pedidos', all: 'Todos', search: 'Buscar nome, telefone, cidade…', exportCsv: 'Exportar CSV (transportadora)', empty: 'Ainda não há pedidos. Eles aparecem aqui quando um cliente confirma numa conversa.',
    colDate: 'Data', colCustomer: 'Cliente', colPlace: 'Cidade', colItems: 'Produtos', colTotal: 'Total', colStatus: 'Status',
    status_new: 'Novo', status_confirmed: 'Confirmado', status_shipped: 'Enviado', status_delivered: 'Entregue', status_cancelled: 'Cancelado', status_returned: 'Devolvido',
    moveTo: 'Mover para', notify: 'Avisar o cliente', cash: 'Valor recebido', subtotal: 'Itens', delivery: 'Entrega', deliveryUnknown: 'a confirmar', total: 'Total',
    address: 'Endereço', phone: 'Telefone', panelTitle: 'Pedidos deste cliente', panelEmpty: 'Nenhum pedido nesta conversa ainda.', loading: 'Carregando…', close: 'Fechar', notified: 'Cliente avisado', count: '{count} pedidos',
    toastNew: 'Novo pedido nº {id} — {name}, {total}', toastOpen: 'Ver pedidos',
  },
  it: {
    toastNew: "Nuovo ordine n. {id} — {name}, {total}",
    toastOpen: "Vedi gli ordini",
    title: 'Ordini', all: 'Tutti', search: 'Cerca nome, telefono, città…', exportCsv: 'Esporta CSV (corriere)', empty: 'Ancora nessun ordine. Gli ordini compaiono qui quando un cliente conferma in una conversazione.',
    colDate: 'Data', colCustomer: 'Cliente', colPlace: 'Provincia / città', colItems: 'Prodotti', colTotal: 'Totale', colStatus: 'Stato',
    status_new: 'Nuovo', status_confirmed: 'Confermato', status_shipped: 'Spedito', status_delivered: 'Consegnato', status_cancelled: 'Annullato', status_returned: 'Reso',
    moveTo: 'Sposta in', notify: 'Scrivi al cliente', cash: 'Contanti incassati', subtotal: 'Articoli', delivery: 'Consegna', deliveryUnknown: 'da confermare', total: 'Totale',
    address: 'Indirizzo', phone: 'Telefono', panelTitle: 'Ordini di questo cliente', panelEmpty: 'Ancora nessun ordine in questa conversazione.', loading: 'Caricamento…', close: 'Chiudi', notified: 'Cliente avvisato', count: '{count} ordini',
  },
});
